// The door of src/net: the wire side of devices. Socket servers and clients per protocol, used by
// the simulator, the honeypot, the HMI, the attack scenarios, the gateway and the adapters.
export * from './profiles.js';
