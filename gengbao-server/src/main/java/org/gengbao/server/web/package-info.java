/**
 * HTTP support shared by all modules: errors as RFC 9457 problem+json with a stable {@code code} and the message in
 * Chinese and English ({@link org.gengbao.server.web.Problem}, {@link org.gengbao.server.web.ProblemHandler}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gengbao.server.web;
