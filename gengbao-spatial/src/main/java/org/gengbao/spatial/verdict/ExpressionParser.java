package org.gengbao.spatial.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gengbao.spatial.verdict.Expression.Env;
import org.gengbao.spatial.verdict.Expression.Node;
import org.gengbao.spatial.verdict.Expression.Type;

/** Recursive-descent parser of {@link Expression}s, type-checking as it builds. */
final class ExpressionParser {
    private final String src;
    private final Set<String> names;
    private int pos;

    ExpressionParser(String src, Set<String> names) {
        this.src = src;
        this.names = names;
    }

    Node parseAll() {
        Node n = or();
        skip();
        if (pos < src.length()) {
            throw error("unexpected '" + src.charAt(pos) + "'");
        }
        return n;
    }

    private Node or() {
        Node left = and();
        while (eat("||")) {
            Node l = bool(left);
            Node r = bool(and());
            left = booleanNode(env -> l.bool(env) || r.bool(env));
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (eat("&&")) {
            Node l = bool(left);
            Node r = bool(not());
            left = booleanNode(env -> l.bool(env) && r.bool(env));
        }
        return left;
    }

    private Node not() {
        skip();
        if (pos < src.length() && src.charAt(pos) == '!' && !src.startsWith("!=", pos)) {
            pos++;
            Node inner = bool(not());
            return booleanNode(env -> !inner.bool(env));
        }
        return compare();
    }

    private Node compare() {
        Node left = sum();
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (eat(op)) {
                Node l = num(left);
                Node r = num(sum());
                return switch (op) {
                    case "<=" -> booleanNode(env -> l.number(env) <= r.number(env));
                    case ">=" -> booleanNode(env -> l.number(env) >= r.number(env));
                    case "==" -> booleanNode(env -> l.number(env) == r.number(env));
                    case "!=" -> booleanNode(env -> l.number(env) != r.number(env));
                    case "<" -> booleanNode(env -> l.number(env) < r.number(env));
                    default -> booleanNode(env -> l.number(env) > r.number(env));
                };
            }
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            if (eat("+")) {
                Node l = num(left);
                Node r = num(product());
                left = numberNode(env -> l.number(env) + r.number(env));
            } else if (peekMinus()) {
                pos++;
                Node l = num(left);
                Node r = num(product());
                left = numberNode(env -> l.number(env) - r.number(env));
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            if (eat("*")) {
                Node l = num(left);
                Node r = num(unary());
                left = numberNode(env -> l.number(env) * r.number(env));
            } else if (eat("/")) {
                Node l = num(left);
                Node r = num(unary());
                left = numberNode(env -> {
                    double d = r.number(env);
                    return d == 0.0 ? 0.0 : l.number(env) / d;
                });
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        if (peekMinus()) {
            pos++;
            Node inner = num(unary());
            return numberNode(env -> -inner.number(env));
        }
        return primary();
    }

    private Node primary() {
        skip();
        if (pos >= src.length()) {
            throw error("unexpected end");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            Node inner = or();
            expect(")");
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            double v;
            try {
                v = Double.parseDouble(src.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
            return numberNode(env -> v);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String name = src.substring(start, pos);
            if (name.equals("true") || name.equals("false")) {
                boolean b = name.equals("true");
                return booleanNode(env -> b);
            }
            if (eat("(")) {
                return call(name, start);
            }
            if (!names.contains(name)) {
                pos = start;
                throw error("unknown name '" + name + "'");
            }
            return numberNode(env -> env.number(name));
        }
        throw error("unexpected '" + c + "'");
    }

    private Node call(String name, int at) {
        List<String> texts = new ArrayList<>();
        List<Node> args = new ArrayList<>();
        if (!eat(")")) {
            do {
                skip();
                if (pos < src.length() && src.charAt(pos) == '\'') {
                    int end = src.indexOf('\'', pos + 1);
                    if (end < 0) {
                        throw error("unterminated text");
                    }
                    texts.add(src.substring(pos + 1, end));
                    pos = end + 1;
                } else {
                    args.add(num(or()));
                }
            } while (eat(","));
            expect(")");
        }
        switch (name) {
            case "landUse" -> {
                requireOnlyTexts(name, texts, args, 1);
                List<String> codes = List.copyOf(texts);
                return numberNode(env -> env.landUse(codes));
            }
            case "plan" -> {
                requireOnlyTexts(name, texts, args, 2);
                String scheme = texts.get(0);
                List<String> codes = List.copyOf(texts.subList(1, texts.size()));
                return numberNode(env -> env.plan(scheme, codes));
            }
            case "max", "min" -> {
                if (!texts.isEmpty() || args.isEmpty()) {
                    throw error(name + "() takes one or more numbers");
                }
                boolean max = name.equals("max");
                List<Node> a = List.copyOf(args);
                return numberNode(env -> {
                    double v = a.get(0).number(env);
                    for (int i = 1; i < a.size(); i++) {
                        double w = a.get(i).number(env);
                        v = max ? Math.max(v, w) : Math.min(v, w);
                    }
                    return v;
                });
            }
            case "abs" -> {
                if (!texts.isEmpty() || args.size() != 1) {
                    throw error("abs() takes one number");
                }
                Node a = args.get(0);
                return numberNode(env -> Math.abs(a.number(env)));
            }
            default -> {
                pos = at;
                throw error("unknown function '" + name + "'");
            }
        }
    }

    private void requireOnlyTexts(String name, List<String> texts, List<Node> args, int min) {
        if (!args.isEmpty() || texts.size() < min) {
            throw error(name + "() takes at least " + min + " quoted code(s), e.g. " + name + "('0103')");
        }
    }

    private Node num(Node n) {
        if (n.type() != Type.NUMBER) {
            throw error("a number is needed here, not a condition");
        }
        return n;
    }

    private Node bool(Node n) {
        if (n.type() != Type.BOOLEAN) {
            throw error("a condition is needed here, not a number");
        }
        return n;
    }

    private boolean peekMinus() {
        skip();
        return pos < src.length() && src.charAt(pos) == '-';
    }

    private boolean eat(String token) {
        skip();
        if (src.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skip() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + (pos + 1) + " of \"" + src + "\"");
    }

    private interface NumberFn {
        double apply(Env env);
    }

    private interface BoolFn {
        boolean apply(Env env);
    }

    private static Node numberNode(NumberFn f) {
        return new Node() {
            public Type type() {
                return Type.NUMBER;
            }

            public double number(Env env) {
                return f.apply(env);
            }

            public boolean bool(Env env) {
                throw new IllegalStateException("not a condition");
            }
        };
    }

    private static Node booleanNode(BoolFn f) {
        return new Node() {
            public Type type() {
                return Type.BOOLEAN;
            }

            public double number(Env env) {
                throw new IllegalStateException("not a number");
            }

            public boolean bool(Env env) {
                return f.apply(env);
            }
        };
    }
}
