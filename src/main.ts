import { exitOnStartFailure, serve } from './composition/serve.js';

serve().catch(exitOnStartFailure);
