import { exitOnStartFailure, serve } from './app/serve.js';

serve().catch(exitOnStartFailure);
