package org.gengbao.spatial.io.shapefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A minimal reader of WKT coordinate-system text (WKT1 as written by ESRI and GDAL, and the bracket syntax of WKT2) into
 * a tree of keyword nodes. It knows nothing about meaning; {@link PrjFiles} interprets the tree.
 */
final class Wkt {
    /**
     * A keyword with its bracketed values: {@link String} (quoted text or a bare enumeration word), {@link Double} or
     * {@link Node}.
     */
    record Node(String keyword, List<Object> values) {
        /** The first quoted value, usually the object's name; "" if none. */
        String name() {
            return values.isEmpty() || !(values.get(0) instanceof String s) ? "" : s;
        }

        /** The number at {@code i}, or {@code null}. */
        Double number(int i) {
            return i < values.size() && values.get(i) instanceof Double d ? d : null;
        }

        /** The direct children with one of these keywords (case-insensitive). */
        List<Node> children(String... keywords) {
            List<Node> out = new ArrayList<>();
            for (Object v : values) {
                if (v instanceof Node n && n.is(keywords)) {
                    out.add(n);
                }
            }
            return out;
        }

        Optional<Node> child(String... keywords) {
            return children(keywords).stream().findFirst();
        }

        /** The first node with one of these keywords, depth first, this node included. */
        Optional<Node> find(String... keywords) {
            if (is(keywords)) {
                return Optional.of(this);
            }
            for (Object v : values) {
                if (v instanceof Node n) {
                    Optional<Node> f = n.find(keywords);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            return Optional.empty();
        }

        /** All nodes with one of these keywords, depth first. */
        void findAll(List<Node> out, String... keywords) {
            if (is(keywords)) {
                out.add(this);
            }
            for (Object v : values) {
                if (v instanceof Node n) {
                    n.findAll(out, keywords);
                }
            }
        }

        boolean is(String... keywords) {
            for (String k : keywords) {
                if (keyword.equalsIgnoreCase(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String text;
    private int pos;

    private Wkt(String text) {
        this.text = text;
    }

    /** Parses the first node of {@code text}; anything after it (e.g. an ESRI VERTCS) is ignored. */
    static Node parse(String text) {
        Wkt w = new Wkt(text);
        return w.node();
    }

    private Node node() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw error("a keyword");
        }
        String keyword = text.substring(start, pos).toUpperCase(Locale.ROOT);
        skipSpace();
        List<Object> values = new ArrayList<>();
        if (pos >= text.length() || (text.charAt(pos) != '[' && text.charAt(pos) != '(')) {
            return new Node(keyword, values);
        }
        char close = text.charAt(pos) == '[' ? ']' : ')';
        pos++;
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw error("'" + close + "'");
            }
            char c = text.charAt(pos);
            if (c == close && values.isEmpty()) {
                pos++;
                return new Node(keyword, values);
            }
            values.add(value());
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) == close) {
                pos++;
                return new Node(keyword, values);
            } else {
                throw error("',' or '" + close + "'");
            }
        }
    }

    private Object value() {
        char c = text.charAt(pos);
        if (c == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("a closing quote");
                }
                char q = text.charAt(pos++);
                if (q == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        sb.append('"');
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(q);
                }
            }
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.valueOf(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("a number");
            }
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String word = text.substring(start, pos);
        skipSpace();
        if (pos < text.length() && (text.charAt(pos) == '[' || text.charAt(pos) == '(')) {
            pos = start;
            return node();
        }
        if (word.isEmpty()) {
            throw error("a value");
        }
        return word;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("Expected " + expected + " at position " + pos);
    }
}
