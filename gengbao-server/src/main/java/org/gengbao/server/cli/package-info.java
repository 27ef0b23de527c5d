/**
 * The operator's command line (picocli), in the same jar as the server: each command that needs the database starts
 * the application without its web server, does its work and stops. Output for programs goes to standard output,
 * everything else (logs, progress, errors) to standard error.
 */
package org.gengbao.server.cli;
