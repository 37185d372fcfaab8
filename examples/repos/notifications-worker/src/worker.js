const { Worker } = require('bullmq');
const express = require('express');
const winston = require('winston');
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.SENTRY_DSN });
const logger = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

const worker = new Worker(
  'notifications',
  async job => {
    logger.info('dispatching', { id: job.id, channel: job.data.channel });
    // route to email-sender / sms-gateway / push (omitted)
  },
  { connection: { host: process.env.REDIS_HOST } },
);
worker.on('failed', (job, err) => Sentry.captureException(err));

// health endpoint for Kubernetes probes
express()
  .get('/healthz', (_req, res) => res.send('ok'))
  .listen(8080);
