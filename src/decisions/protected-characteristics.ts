/** The nine protected characteristics of the Equality Act 2010 (section 4), as stored and as shown. */
export const protectedCharacteristics = [
  { value: 'age', text: 'Age' },
  { value: 'disability', text: 'Disability' },
  { value: 'gender-reassignment', text: 'Gender reassignment' },
  { value: 'marriage-and-civil-partnership', text: 'Marriage and civil partnership' },
  { value: 'pregnancy-and-maternity', text: 'Pregnancy and maternity' },
  { value: 'race', text: 'Race' },
  { value: 'religion-or-belief', text: 'Religion or belief' },
  { value: 'sex', text: 'Sex' },
  { value: 'sexual-orientation', text: 'Sexual orientation' },
] as const;

export type ProtectedCharacteristic = (typeof protectedCharacteristics)[number]['value'];
