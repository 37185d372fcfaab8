const express = require('express');
const pino = require('pino');
const pinoHttp = require('pino-http');
const Sentry = require('@sentry/node');

const logger = pino({ level: process.env.LOG_LEVEL || 'info' });
Sentry.init({ dsn: process.env.SENTRY_DSN, environment: process.env.ENV });

const app = express();
app.use(Sentry.Handlers.requestHandler());
app.use(pinoHttp({ logger }));
app.use(express.json());

app.get('/healthz', (_req, res) => res.send('ok'));

app.post('/v2/checkouts', async (req, res) => {
  // price the basket, authorise the payment, create the order (omitted in the example)
  res.status(201).json({ id: 'chk_123', state: 'created' });
});

app.use(Sentry.Handlers.errorHandler());
app.listen(8080, () => logger.info('checkout-service listening on 8080'));
