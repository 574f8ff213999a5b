#!/usr/bin/env node
// Submits one story to Galley the way a newsroom tool outside Galley would: kafkajs produces, and
// @kafkajs/confluent-schema-registry encodes in the Confluent wire format against the newest schema the
// registry holds under <topic>-value. Galley's .avsc files are deliberately not read here, and nothing is
// registered (auto-registration off, latest version): ingest registers the contract when it starts.
//
// Reads:  a story as JSON, in avsc's shape of the registered record (see README.md).
// Writes: <topic> (default articles.submitted), key = the story's articleId as UTF-8, value = magic byte,
//         4-byte schema id, Avro binary.
// Exits 0 once the broker has acknowledged the record; otherwise prints why and exits 1 (2 for bad usage).

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { Kafka, Partitioners, logLevel } from 'kafkajs';

const USAGE = `Usage: node produce-story.mjs --story FILE.json [options]

  --story FILE           the story as JSON (required)
  --bootstrap-servers    host:port[,host:port]  (default $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)
  --registry-url         URL of a Confluent-compatible registry  (default $SCHEMA_REGISTRY_URL or http://localhost:8081)
  --topic                topic to produce to  (default articles.submitted)
  --timeout-ms           give up after this long  (default 30000)`;

function options(argv) {
  const parsed = parseArgs({
    args: argv,
    options: {
      story: { type: 'string' },
      'bootstrap-servers': { type: 'string' },
      'registry-url': { type: 'string' },
      topic: { type: 'string', default: 'articles.submitted' },
      'timeout-ms': { type: 'string', default: '30000' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!parsed.story) {
    throw new Error('--story is required');
  }
  const timeoutMs = Number(parsed['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`--timeout-ms must be a positive whole number, not ${parsed['timeout-ms']}`);
  }
  return {
    storyFile: parsed.story,
    brokers: (parsed['bootstrap-servers'] ?? process.env.KAFKA_BOOTSTRAP_SERVERS ?? 'localhost:9092')
      .split(',').map(broker => broker.trim()).filter(Boolean),
    registryUrl: parsed['registry-url'] ?? process.env.SCHEMA_REGISTRY_URL ?? 'http://localhost:8081',
    topic: parsed.topic,
    timeoutMs,
  };
}

async function readStory(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the story file ${file}: ${error.message}`);
  }
  let story;
  try {
    story = JSON.parse(text);
  } catch (error) {
    throw new Error(`The story file ${file} is not JSON: ${error.message}`);
  }
  if (typeof story?.articleId !== 'string' || story.articleId === '') {
    throw new Error(`The story file ${file} has no articleId; it is the record's key`);
  }
  return story;
}

async function encode(registryUrl, subject, story) {
  const registry = new SchemaRegistry({ host: registryUrl });
  let id;
  try {
    id = await registry.getLatestSchemaId(subject);
  } catch (error) {
    if (error.status === 404) {
      throw new Error(`The registry at ${registryUrl} has nothing under ${subject} (${error.message}). `
        + 'Galley\'s ingest registers it when it starts: is ingest running against this registry?');
    }
    throw new Error(`Cannot ask the registry at ${registryUrl} for ${subject}: ${error.message}`);
  }
  try {
    return { id, bytes: await registry.encode(id, story) };
  } catch (error) {
    const paths = (error.paths ?? []).map(path => path.join('.')).filter(Boolean);
    throw new Error(`The story does not match schema ${id} under ${subject}`
      + (paths.length ? ` at: ${paths.join(', ')}` : `: ${error.message}`));
  }
}

async function produce(brokers, topic, key, value) {
  const kafka = new Kafka({
    clientId: 'galley-interop-node',
    brokers,
    // Failures are reported once, by main, with their cause; kafkajs would log every retry as an error.
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
  // Java-compatible murmur2 over the key's UTF-8 bytes: a story lands on the partition Galley's own
  // producers would choose, so its revisions stay in order. Naming it also silences kafkajs's v2 warning.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  try {
    await producer.connect();
    const [metadata] = await producer.send({ topic, acks: -1, messages: [{ key, value }] });
    return metadata;
  } catch (error) {
    const cause = error.cause?.message && error.cause.message !== error.message ? ` (${error.cause.message})` : '';
    throw new Error(`Cannot produce to ${topic} at ${brokers.join(',')}: ${error.message}${cause}`);
  } finally {
    await producer.disconnect();
  }
}

async function main(opts) {
  const story = await readStory(opts.storyFile);
  const subject = `${opts.topic}-value`;
  const { id, bytes } = await encode(opts.registryUrl, subject, story);
  const sent = await produce(opts.brokers, opts.topic, story.articleId, bytes);
  console.log(`Produced ${story.articleId} to ${opts.topic}-${sent.partition} at offset ${sent.baseOffset} `
    + `(schema id ${id}, ${bytes.length} bytes)`);
}

const opts = (() => {
  try {
    return options(process.argv.slice(2));
  } catch (error) {
    console.error(`produce-story: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
const timer = setTimeout(() => {
  console.error(`produce-story: gave up after ${opts.timeoutMs} ms`);
  process.exit(1);
}, opts.timeoutMs);
timer.unref();

main(opts).then(
  () => process.exit(0),
  error => {
    console.error(`produce-story: ${error.message}`);
    process.exit(1);
  });
