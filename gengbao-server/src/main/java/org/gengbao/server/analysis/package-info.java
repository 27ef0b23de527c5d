/**
 * Analysis of a patch (api.md, "Analysis result"): the outline checked and brought into the county's zone, measured
 * against the layers in force on the analysis date by the in-memory engine, judged by the rule set, stored with an id.
 */
package org.gengbao.server.analysis;
