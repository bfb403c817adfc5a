// The door of the EtherNet/IP codec (ODVA CIP Vol 2) and the CIP it carries (CIP Vol 1):
// encapsulation, common packet format, Message Router requests and replies, identity.
export { ENIP_ERRORS, type EnipErrorCode } from './errors.js';
export {
  ENIP_COMMAND,
  ENIP_COMMANDS,
  ENIP_STATUS,
  enipCommandName,
  enipStatusName,
  type EnipCommandName,
} from './commands.js';
export {
  ENIP_HEADER_SIZE,
  ENIP_MAX_LENGTH,
  decodeEnipMessage,
  encodeEnipMessage,
  type EnipMessage,
  type EnipMessageInput,
} from './encapsulation.js';
export {
  createEnipParser,
  decodeEnipDatagram,
  decodeEnipIoDatagram,
  type EnipParser,
  type EnipParserOptions,
} from './parser.js';
export {
  CPF_ITEM,
  CPF_ITEM_TYPES,
  cpfItemTypeName,
  decodeCpf,
  encodeConnectedAddress,
  encodeCpf,
  encodeSequencedAddress,
  type CpfItem,
  type CpfItemInput,
  type CpfItemTypeName,
  type CpfPacket,
} from './cpf.js';
export {
  ENIP_SOCKADDR_SIZE,
  encodeEnipSocketAddress,
  type EnipSocketAddress,
} from './socket-address.js';
export {
  CIP_DEVICE_TYPES,
  cipDeviceTypeName,
  decodeEnipIdentity,
  encodeCipIdentityAttributes,
  encodeEnipIdentityItem,
  type EnipIdentity,
  type EnipIdentityInput,
} from './identity.js';
export {
  decodeEnipListServicesItem,
  encodeEnipListServicesItem,
  type EnipServiceItem,
} from './list-services.js';
export {
  decodeEnipRegisterSession,
  encodeEnipRegisterSession,
  type EnipRegisterSession,
} from './register-session.js';
export {
  decodeEnipSendData,
  encodeEnipSendData,
  type EnipSendData,
  type EnipSendDataInput,
} from './send-data.js';
export { cipEmbeddedMessages, decodeEnipBody, type EnipBody } from './body.js';
export {
  encodeEnipListIdentityReply,
  encodeEnipListIdentityRequest,
  type EnipListIdentityReplyInput,
} from './list-identity.js';
export {
  CIP_COMMON_SERVICES,
  CIP_CONNECTION_MANAGER_SERVICES,
  CIP_DEFAULT_SPECIFIC_SERVICES,
  CIP_LOGIX_SERVICES,
  CIP_PCCC_SERVICES,
  cipServiceName,
} from './cip/services.js';
export {
  CIP_GENERAL_STATUS,
  cipGeneralStatusName,
  type CipGeneralStatusName,
} from './cip/general-status.js';
export { CIP_CLASSES, cipClassName } from './cip/classes.js';
export {
  cipTarget,
  decodeEpath,
  encodeEpath,
  type CipElectronicKey,
  type CipLogicalType,
  type CipSegment,
  type CipTarget,
} from './cip/epath.js';
export {
  decodeCipMessage,
  encodeCipRequest,
  encodeCipResponse,
  type CipMessage,
  type CipRequest,
  type CipRequestInput,
  type CipResponse,
  type CipResponseInput,
} from './cip/message.js';
export {
  decodeCipUnconnectedSend,
  encodeCipUnconnectedSend,
  type CipUnconnectedSend,
  type CipUnconnectedSendInput,
} from './cip/unconnected-send.js';
export {
  decodeCipMultipleServicePacket,
  encodeCipMultipleServicePacket,
  type CipMultipleServicePacket,
} from './cip/multiple-service-packet.js';
export {
  summarizeCip,
  summarizeEnip,
  type CipSummary,
  type EnipSummary,
  type EnipSummaryOptions,
} from './summary.js';
