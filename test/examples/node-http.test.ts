import { webhookNames } from '../../src/index.js';
import { describeExampleApp } from './run-example.js';

describeExampleApp('node-http', webhookNames);
