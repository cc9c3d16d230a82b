import path from 'node:path';
import { projectRoot } from '../../projectRoot.js';

/** Where the trained head lives; its own module so that naming the file does not import the feature extractors. */
export const LANGUAGE_TRAITS_HEAD_PATH = path.join(projectRoot(), 'models/language-traits/head.json');
