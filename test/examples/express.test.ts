import { describeExampleApp } from './run-example.js';

describeExampleApp('express', ['on_message_incoming', 'on_conversation_assigned', 'on_conversation_closed', 'on_user_new']);
