/**
 * The Gengbao server: a Spring Boot modular monolith packaged by feature. Each sub-package is an application module
 * (verified by {@code ModularityTest}): {@code county}, {@code layers}, {@code analysis}, {@code accounts}, {@code
 * audit}, {@code evidence}, the command line {@code cli}, and the shared {@code storage} and {@code web} support.
 */
package org.gengbao.server;
