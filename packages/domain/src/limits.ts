/** Field and request limits shared by the API schemas and the web forms. */
export const limits = {
  nameMax: 100,
  loginMax: 64,
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 128,
  textMax: 2000,
  searchMax: 100,
  pageSizeMax: 200,
  importRowsMax: 5000,
  importFileBytes: 5 * 1024 * 1024,
} as const;
