// What Read File Record (FC 20) and Write File Record (FC 21) share: the reference type and the
// addressing rules of a file sub-request (Modbus Application Protocol v1.1b3, 6.14 and 6.15).
import { MODBUS_LIMITS } from '../limits.js';
import { refuse } from '../bytes.js';
import type { ModbusPduError } from '../errors.js';

/** Every file sub-request and sub-response carries reference type 6 (6.14, 6.15). */
export const FILE_REFERENCE_TYPE = 6;

/**
 * A request's sub-request must name reference type 6, a file 1..65535 and records inside
 * 0..9999; the state diagrams answer anything else with exception 2 (6.14, 6.15).
 */
export function checkFileAddress(
  functionCode: number,
  index: number,
  offset: number,
  referenceType: number,
  fileNumber: number,
  recordNumber: number,
  recordLength: number,
): ModbusPduError | undefined {
  const what = `${functionCode === 20 ? 'read_file_record' : 'write_file_record'} sub-request ${index}`;
  if (referenceType !== FILE_REFERENCE_TYPE) {
    return refuse(
      'OTS_MODBUS_BAD_FILE_RECORD',
      `${what} has reference type ${referenceType}, only 6 is defined`,
      offset,
      functionCode,
      2,
    );
  }
  if (fileNumber === 0) {
    return refuse(
      'OTS_MODBUS_BAD_FILE_RECORD',
      `${what} names file 0, files are numbered 1..65535`,
      offset + 1,
      functionCode,
      2,
    );
  }
  if (recordLength === 0) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `${what} has record length 0`,
      offset + 5,
      functionCode,
      3,
    );
  }
  if (recordNumber + recordLength > MODBUS_LIMITS.fileRecords) {
    return refuse(
      'OTS_MODBUS_BAD_FILE_RECORD',
      `${what} covers records ${recordNumber}..${recordNumber + recordLength - 1}, a file has 0..9999`,
      offset + 3,
      functionCode,
      2,
    );
  }
  return undefined;
}
