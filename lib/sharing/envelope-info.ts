/** The HPKE `info` of every envelope: names the application and format, so keys for an envelope serve nothing else. */
import { utf8ToBytes } from '@noble/hashes/utils.js';

export const ENVELOPE_INFO = utf8ToBytes('sealpass/v1/envelope');
