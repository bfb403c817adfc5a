// The door of the S7comm codec: TPKT (RFC 1006), COTP class 0 (ISO 8073), the S7 PDU, the
// stream parser, the per-PDU summary for events, and the replies a server sends.
export { S7COMM_ERRORS, type S7commErrorCode } from './errors.js';

export {
  TPKT_HEADER_LENGTH,
  TPKT_MAX_LENGTH,
  TPKT_MIN_LENGTH,
  TPKT_VERSION,
  createTpktParser,
  decodeTpkt,
  encodeTpkt,
  type TpktPacket,
  type TpktParser,
  type TpktParserOptions,
} from './tpkt.js';

export {
  COTP_CALLED_TSAP,
  COTP_CALLING_TSAP,
  COTP_DT_EOT_HEADER,
  COTP_TPDU_SIZE,
  cotpConnectionParameters,
  cotpParameter,
  decodeCotp,
  encodeCotp,
  s7Tsap,
  tsapNumber,
  type CotpConnection,
  type CotpData,
  type CotpDisconnectConfirm,
  type CotpDisconnectRequest,
  type CotpError,
  type CotpParameter,
  type CotpTpdu,
} from './cotp.js';
export {
  DEFAULT_MAX_S7_PDU_SIZE,
  createCotpReassembler,
  type CotpReassembler,
} from './cotp-reassembly.js';

export {
  ROSCTR_ACK,
  ROSCTR_ACK_DATA,
  ROSCTR_JOB,
  ROSCTR_USERDATA,
  S7_PROTOCOL_ID,
  decodeS7Header,
  s7HeaderLength,
  type S7Header,
  type S7HeaderInit,
} from './header.js';
export {
  decodeS7Pdu,
  encodeS7Pdu,
  type RawMessage,
  type S7Message,
  type S7Pdu,
  type S7PduInit,
} from './pdu.js';

export { s7AnyItem, type RawVarSpec, type S7AnyItem, type VarSpec } from './item.js';
export {
  DATA_TRANSPORT_BIT,
  DATA_TRANSPORT_BYTE,
  DATA_TRANSPORT_INTEGER,
  DATA_TRANSPORT_OCTET_STRING,
  DATA_TRANSPORT_REAL,
  RETURN_CODE_ADDRESS_OUT_OF_RANGE,
  RETURN_CODE_OBJECT_DOES_NOT_EXIST,
  RETURN_CODE_RESERVED,
  RETURN_CODE_SUCCESS,
  dataItem,
  dataItemByteLength,
  errorDataItem,
  type DataItem,
} from './data-item.js';

export {
  blockFileInfo,
  blockFileName,
  BLOCK_TYPE_CODE,
  type BlockFileInfo,
} from './functions/common.js';
export { type SetupCommunication } from './functions/setup-communication.js';
export { type ReadVarRequest, type ReadVarResponse } from './functions/read-var.js';
export { type WriteVarRequest, type WriteVarResponse } from './functions/write-var.js';
export {
  PI_SERVICE_RESERVED,
  piServiceRequest,
  type PiBlock,
  type PiServiceRequest,
  type PiServiceResponse,
} from './functions/pi-service.js';
export { plcStopRequest, type PlcStopRequest, type PlcStopResponse } from './functions/plc-stop.js';
export {
  type RequestDownloadRequest,
  type RequestDownloadResponse,
} from './functions/request-download.js';
export {
  type BlockPiece,
  type DownloadBlockRequest,
  type DownloadBlockResponse,
} from './functions/download-block.js';
export {
  type DownloadEndedRequest,
  type DownloadEndedResponse,
} from './functions/download-ended.js';
export { type StartUploadRequest, type StartUploadResponse } from './functions/start-upload.js';
export { type UploadRequest, type UploadResponse } from './functions/upload.js';
export { type EndUploadRequest, type EndUploadResponse } from './functions/end-upload.js';

export {
  GROUP_BLOCK,
  GROUP_CPU,
  GROUP_CYCLIC,
  GROUP_PROGRAMMER,
  GROUP_SECURITY,
  GROUP_TIME,
  USERDATA_METHOD_REQUEST,
  USERDATA_METHOD_RESPONSE,
  USERDATA_TYPE_PUSH,
  USERDATA_TYPE_REQUEST,
  USERDATA_TYPE_RESPONSE,
  userdataRequestParameter,
  userdataResponseParameter,
  type UserdataParameter,
} from './userdata/parameter.js';
export {
  DATA_RETURN_NO_DATA,
  DATA_RETURN_SUCCESS,
  type FragmentBody,
  type NoBody,
  type RawBody,
  type UserdataBody,
  type UserdataMessage,
} from './userdata/userdata.js';
export {
  SUBFUNCTION_READ_SZL,
  szlRecordLength,
  szlResponse,
  type RawSzlRecord,
  type SzlRecord,
  type SzlRequest,
  type SzlResponse,
} from './userdata/szl.js';
export {
  MODULE_IDENTIFICATION_INDEX,
  moduleIdentificationRecords,
  type ModuleIdentification,
} from './userdata/szl/module-identification.js';
export {
  COMPONENT_INDEX,
  componentIdentificationRecords,
  componentRecord,
  type ComponentIdentification,
} from './userdata/szl/component-identification.js';
export { type CommunicationCapability } from './userdata/szl/communication-capability.js';
export { protectionLevelRecord, type ProtectionLevel } from './userdata/szl/protection-level.js';
export {
  MODE_RUN,
  MODE_STOP,
  modeTransitionRecord,
  type ModeTransition,
} from './userdata/szl/mode-transition.js';
export { SUBFUNCTION_READ_CLOCK, SUBFUNCTION_SET_CLOCK, type ClockBody } from './userdata/clock.js';
export {
  SUBFUNCTION_CLEAR_PASSWORD,
  SUBFUNCTION_PLC_PASSWORD,
  scramblePassword,
  unscramblePassword,
  type PasswordBody,
} from './userdata/password.js';
export {
  type BlockCount,
  type BlockEntry,
  type BlockInfoRequest,
  type BlockListBody,
  type BlockListOfTypeBody,
  type BlockListOfTypeRequest,
} from './userdata/block-functions.js';
export {
  decodeDateAndTime,
  decodeS7Timestamp,
  encodeDateAndTime,
  encodeS7Timestamp,
  s7Timestamp,
  s7TimestampIso,
  type S7Timestamp,
} from './userdata/timestamp.js';

export {
  AREA,
  BLOCK_LANGUAGE,
  BLOCK_TYPE,
  DATA_TRANSPORT_SIZE,
  ERROR_CLASS,
  FUNCTION,
  MODE_SWITCH,
  OPERATING_MODE,
  RETURN_CODE,
  ROSCTR,
  SZL_ID,
  TRANSPORT_SIZE,
  USERDATA_GROUP,
  USERDATA_SUBFUNCTION,
  USERDATA_TYPE,
  areaName,
  blockLanguageName,
  blockTypeName,
  cotpParameterName,
  dataTransportSizeName,
  errorClassName,
  functionName,
  modeSwitchName,
  operatingModeName,
  piServiceName,
  returnCodeName,
  rosctrName,
  syntaxIdName,
  szlIdName,
  transportSizeName,
  userdataGroupName,
  userdataSubfunctionName,
  userdataTypeName,
  type AreaName,
  type BlockTypeName,
  type FunctionName,
  type RosctrName,
  type TransportSizeName,
  type UserdataGroupName,
  type UserdataSubfunctionName,
} from './names.js';

export { summarizeS7Pdu, type S7Summary } from './summary.js';
export {
  createS7commParser,
  type S7commMessage,
  type S7commParser,
  type S7commParserOptions,
} from './stream.js';
export {
  S7_ERROR,
  connectionConfirm,
  encodeCotpFrame,
  encodeS7Frame,
  errorAck,
  passwordResponse,
  piServiceAck,
  plcStopAck,
  readClockResponse,
  readVarAck,
  setClockResponse,
  setupCommunicationAck,
  szlErrorResponse,
  szlReadResponse,
  userdataResponse,
  writeVarAck,
} from './replies.js';
