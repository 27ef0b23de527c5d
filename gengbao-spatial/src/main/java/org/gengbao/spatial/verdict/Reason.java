package org.gengbao.spatial.verdict;

/** One reason of a verdict, in Simplified Chinese and English, with the numbers filled in. */
public record Reason(String zh, String en) {}
