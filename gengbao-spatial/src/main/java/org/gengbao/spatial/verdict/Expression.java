package org.gengbao.spatial.verdict;

import java.util.List;
import java.util.Set;

/**
 * A small, typed expression language for rule conditions and reason templates.
 *
 * <pre>
 * expr    := or
 * or      := and ('||' and)*            and := not ('&amp;&amp;' not)*      not := '!' not | compare
 * compare := sum (('&lt;'|'&lt;='|'&gt;'|'&gt;='|'=='|'!=') sum)?
 * sum     := product (('+'|'-') product)*     product := unary (('*'|'/') unary)*
 * unary   := '-' unary | primary
 * primary := number | 'true' | 'false' | name | name '(' arg (',' arg)* ')' | '(' expr ')'
 * arg     := 'text' | expr
 * </pre>
 *
 * Names are figures of the analysis, constants ({@code MU}, {@code HA}), rule-set parameters and definitions.
 * Functions: {@code landUse('0101', '02*', …)} gross area on land-use codes (a trailing * matches a prefix), {@code
 * plan('GZQLXDM', '030', …)} area in planning zones of a scheme, {@code max}, {@code min}, {@code abs}. Types are
 * checked when the expression is compiled: a condition must be boolean, a figure numeric.
 */
public final class Expression {
    /** The value environment an expression is evaluated in. */
    public interface Env {
        double number(String name);

        double landUse(List<String> codes);

        double plan(String scheme, List<String> codes);
    }

    enum Type {
        NUMBER,
        BOOLEAN
    }

    /** A compiled node. */
    interface Node {
        Type type();

        double number(Env env);

        boolean bool(Env env);
    }

    private final String source;
    private final Node root;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Compiles {@code source}; every name must be in {@code names}.
     *
     * @throws IllegalArgumentException with the position and reason of the first error
     */
    public static Expression compile(String source, Set<String> names) {
        ExpressionParser parser = new ExpressionParser(source, names);
        return new Expression(source, parser.parseAll());
    }

    public boolean isBoolean() {
        return root.type() == Type.BOOLEAN;
    }

    public double number(Env env) {
        return root.number(env);
    }

    public boolean test(Env env) {
        return root.bool(env);
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
