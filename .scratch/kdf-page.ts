import { benchKdfCandidates } from '../tests/bench/chromium/kdf-candidates';
(window as any).run = () => benchKdfCandidates(3);
