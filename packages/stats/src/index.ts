export { qnorm } from './distributions/qnorm.js';
