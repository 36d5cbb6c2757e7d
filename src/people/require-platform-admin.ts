import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { requireStaff } from './require-staff.js';

/** preHandlers for /admin: signed in (requireStaff), and a platform admin (403 FORBIDDEN otherwise). */
export const requirePlatformAdmin = [
  requireStaff,
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (reply.sent) return;
    if (!request.staff?.isPlatformAdmin) {
      throw new ForbiddenError('only platform admins can manage organisations and people');
    }
  },
];
