/**
 * 接口服务: {@code shebao serve} — the API as JSON over HTTP for systems that are not Java (Javalin on Jetty 12,
 * docs/SERVE.md). Every endpoint is one {@link io.shebao.server.Endpoint} in {@link io.shebao.server.Endpoints};
 * the OpenAPI document is generated from the same list, so the two cannot disagree.
 */
package io.shebao.server;
