import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { curriculumPages } from './curriculum.routes.js';
import { myTrainingPages } from './my-training.routes.js';
import { sessionPages } from './sessions.routes.js';
import { trainingRecordPages } from './training-records.routes.js';

/** Training pages, by family: the helper's own page, sessions, records and the curriculum. */
export const trainingPages = new Hono<AppEnv>();

trainingPages.route('/', myTrainingPages);
trainingPages.route('/', sessionPages);
trainingPages.route('/', trainingRecordPages);
trainingPages.route('/', curriculumPages);
