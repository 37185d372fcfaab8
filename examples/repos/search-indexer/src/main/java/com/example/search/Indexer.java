package com.example.search;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Indexer {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  private static final Tracer TRACER = GlobalOpenTelemetry.getTracer("search-indexer");

  public static void main(String[] args) {
    LOG.info("search-indexer starting");
    // consume catalogue-changes from Kafka and bulk-index into OpenSearch (omitted)
  }
}
