// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { NodeHost } from './host.js';
export declare const nodeHost: NodeHost;
