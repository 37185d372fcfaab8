package com.example.edi;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

public class EdiBridge extends RouteBuilder {
  public static void main(String[] args) throws Exception {
    Main main = new Main();
    main.addRouteBuilder(new EdiBridge());
    main.run(args);
  }

  @Override
  public void configure() {
    from("file:/data/edi/inbox?move=.done")
        .log("received ${file:name}")
        .to("file:/data/edi/outbox");
  }
}
