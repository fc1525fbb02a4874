/** A problem in a file, with where it is. */
export class FileFormatError extends Error {
  constructor(readonly where: string, readonly problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'FileFormatError';
  }
}
