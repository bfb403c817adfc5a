// PI service (function 0x28): program invocation on the CPU, named by a service string —
// P_PROGRAM starts the program (hot or, with argument "C ", cold), _INSE activates and _DELE
// deletes downloaded blocks, _MODU copies RAM to ROM, _GARB compresses memory.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { latin1, latin1Bytes, u16 } from '../bytes.js';
import { piServiceName } from '../names.js';
import type { BlockFileInfo, PartOffsets } from './common.js';
import {
  BLOCK_TYPE_CODE,
  badParameter,
  decodeStatusOnlyAck,
  blockFileInfo,
  expectNoData,
  readShortString,
  writeFunctionStatus,
  writeShortString,
} from './common.js';

export const FUNCTION_PI_SERVICE = 0x28;

/** The 7 bytes after the function code in every capture: 00 00 00 00 00 00 FD. */
export const PI_SERVICE_RESERVED: Uint8Array = Uint8Array.of(0, 0, 0, 0, 0, 0, 0xfd);

/** A block named in the parameter block of _INSE, _INS2 and _DELE: `0A00001P` is DB 1, passive. */
export interface PiBlock {
  /** The 8 characters as sent: type (2), number (5), file system (1). */
  name: string;
  /** Decoded from `name`, when it is a block name. */
  info?: BlockFileInfo;
}

export interface PiServiceRequest {
  kind: 'pi_service_request';
  /** 7 bytes of unknown meaning, 00 00 00 00 00 00 FD in practice. */
  reserved: Uint8Array;
  /** The parameter block as sent; the encoder writes it as is. */
  parameterBlock: Uint8Array;
  /** Service name: P_PROGRAM, _INSE, _DELE, _MODU, _GARB, ... */
  service: string;
  /** Decoder: piServiceName(service), e.g. 'start_program', 'delete_blocks'. */
  serviceName?: string;
  /** Decoder, _INSE/_INS2/_DELE: the blocks of the parameter block. */
  blocks?: PiBlock[];
  /** Decoder, P_PROGRAM/_MODU/_GARB: the parameter block as text ('' for a hot start). */
  argument?: string;
}

export interface PiServiceResponse {
  kind: 'pi_service_response';
  /** Function status byte, when the ack-data carries one. */
  functionStatus?: number;
}

function blocksOf(block: Uint8Array): PiBlock[] | undefined {
  // Count (1), unknown 0x00 (1), then count × 8 characters (Wireshark, s7comm_decode_pi_service).
  if (block.length < 2) return undefined;
  const count = block[0] ?? 0;
  if (block.length !== 2 + count * 8) return undefined;
  const blocks: PiBlock[] = [];
  for (let n = 0; n < count; n++) {
    const name = latin1(block, 2 + n * 8, 10 + n * 8);
    const info = blockFileInfo('_' + name);
    blocks.push(info ? { name, info } : { name });
  }
  return blocks;
}

export function decodePiServiceRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<PiServiceRequest> {
  // 28, reserved (7), parameter block length (2), parameter block, name length (1), name.
  if (parameter.length < 11) {
    return fail(
      badParameter(
        `PI service parameter of ${parameter.length} bytes, at least 11 needed`,
        at.parameter,
      ),
    );
  }
  const blockLength = u16(parameter, 8);
  const blockEnd = 10 + blockLength;
  const name = readShortString(parameter, blockEnd, parameter.length);
  if (name?.next !== parameter.length) {
    return fail(
      badParameter(
        'PI service parameter block or service name does not fit the parameter part',
        at.parameter + 8,
      ),
    );
  }
  const noData = expectNoData(data, 'PI service job', at);
  if (noData) return fail(noData);
  const parameterBlock = parameter.subarray(10, blockEnd);
  const message: PiServiceRequest = {
    kind: 'pi_service_request',
    reserved: parameter.subarray(1, 8),
    parameterBlock,
    service: name.text,
    serviceName: piServiceName(name.text),
  };
  if (name.text === '_INSE' || name.text === '_INS2' || name.text === '_DELE') {
    const blocks = blocksOf(parameterBlock);
    if (blocks) message.blocks = blocks;
  } else if (name.text === 'P_PROGRAM' || name.text === '_MODU' || name.text === '_GARB') {
    message.argument = latin1(parameterBlock);
  }
  return ok(message);
}

export function writePiServiceRequest(message: PiServiceRequest, parameter: ByteWriter): void {
  parameter.u8(FUNCTION_PI_SERVICE).bytes(message.reserved.subarray(0, 7));
  for (let n = message.reserved.length; n < 7; n++) parameter.u8(0);
  parameter.u16(message.parameterBlock.length).bytes(message.parameterBlock);
  writeShortString(parameter, message.service);
}

/**
 * A PI service job: `piServiceRequest('P_PROGRAM')` (hot start), `piServiceRequest('P_PROGRAM',
 * { argument: 'C ' })` (cold start), `piServiceRequest('_DELE', { blocks: [['DB', 1]] })`.
 */
export function piServiceRequest(
  service: string,
  options: {
    argument?: string;
    blocks?: readonly (readonly [keyof typeof BLOCK_TYPE_CODE, number, string?])[];
  } = {},
): PiServiceRequest {
  let parameterBlock: Uint8Array;
  if (options.blocks) {
    let text = '';
    for (const [type, number, fileSystem] of options.blocks) {
      text += BLOCK_TYPE_CODE[type] + String(number).padStart(5, '0') + (fileSystem ?? 'P');
    }
    parameterBlock = new Uint8Array(2 + text.length);
    parameterBlock[0] = options.blocks.length;
    parameterBlock.set(latin1Bytes(text), 2);
  } else {
    parameterBlock = latin1Bytes(options.argument ?? '');
  }
  return { kind: 'pi_service_request', reserved: PI_SERVICE_RESERVED, parameterBlock, service };
}

export function decodePiServiceResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<PiServiceResponse> {
  return decodeStatusOnlyAck('pi_service_response', 'PI service', parameter, data, at);
}

export function writePiServiceResponse(message: PiServiceResponse, parameter: ByteWriter): void {
  writeFunctionStatus(parameter, FUNCTION_PI_SERVICE, message.functionStatus);
}
