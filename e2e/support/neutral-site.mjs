// Stands in for the neutral website that quick exit leaves for (the operator's
// QUICK_EXIT_URL), so e2e tests need no network.
import http from "node:http";

const port = Number(process.argv[2] ?? 3211);
http
  .createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><html lang=en><title>Weather today</title><h1>Weather today</h1><p>Sunny spells.</p></html>");
  })
  .listen(port, "localhost");
