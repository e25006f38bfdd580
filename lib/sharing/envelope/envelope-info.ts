/** The HPKE `info` of every envelope: names the application and format, so keys for an envelope serve nothing else. */
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * `info` for RFC 9180 SetupBaseS/R, naming format v2 so keys for a v1 envelope open nothing here; the clear
 * address goes in the aad instead, where it is authenticated per message.
 */
export const ENVELOPE_INFO = utf8ToBytes('sealpass/v2/envelope');
