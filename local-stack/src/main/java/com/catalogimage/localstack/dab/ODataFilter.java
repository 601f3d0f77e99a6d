package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.dab.TableEntity.Column;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of OData {@code $filter} that DAB clients use, compiled to a parameterised SQL predicate:
 * {@code eq ne gt ge lt le}, {@code and or not}, parentheses, and literals (single-quoted strings with {@code ''}
 * escaping, integers, decimals, date-times, {@code true false null}).
 *
 * <pre>
 * expr       := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | primary
 * primary    := '(' expr ')' | operand [op operand]     -- a lone operand must be true/false
 * operand    := identifier | literal
 * </pre>
 *
 * Literal values only ever travel as JDBC parameters; field names are checked against the entity before they are
 * quoted into the SQL. Error messages follow Microsoft.OData's, which DAB passes through as 400 BadRequest.
 */
final class ODataFilter {

    /** A predicate with {@code ?} placeholders and their values, in order. */
    record Sql(String where, List<Object> params) {
    }

    private static final int MAX_DEPTH = 100;
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String text;
    private final TableEntity entity;
    private final List<Token> tokens;
    private final List<Object> params = new ArrayList<>();
    private int pos;
    private int depth;

    private ODataFilter(String text, TableEntity entity) {
        this.text = text;
        this.entity = entity;
        this.tokens = tokenize(text);
    }

    /** Compiles {@code filter} for {@code entity}; a {@link DabEmulatorException} (400 BadRequest) when it is not valid. */
    static Sql compile(String filter, TableEntity entity) {
        if (filter == null || filter.isBlank()) {
            throw DabErrors.badRequest("The $filter query option cannot be empty.");
        }
        ODataFilter parser = new ODataFilter(filter, entity);
        String where = parser.expression();
        if (parser.peek().kind != Kind.END) {
            throw parser.syntaxError(parser.peek());
        }
        return new Sql(where, List.copyOf(parser.params));
    }

    // --- grammar ---

    private String expression() {
        if (++depth > MAX_DEPTH) {
            throw DabErrors.badRequest("The recursion limit has been exceeded.");
        }
        try {
            String left = conjunction();
            while (peekKeyword("or")) {
                pos++;
                left = "(" + left + " OR " + conjunction() + ")";
            }
            return left;
        } finally {
            depth--;
        }
    }

    private String conjunction() {
        String left = unary();
        while (peekKeyword("and")) {
            pos++;
            left = "(" + left + " AND " + unary() + ")";
        }
        return left;
    }

    private String unary() {
        if (peekKeyword("not")) {
            pos++;
            if (++depth > MAX_DEPTH) {
                throw DabErrors.badRequest("The recursion limit has been exceeded.");
            }
            try {
                return "(NOT " + unary() + ")";
            } finally {
                depth--;
            }
        }
        return primary();
    }

    private String primary() {
        Token token = peek();
        if (token.kind == Kind.LPAREN) {
            pos++;
            String inner = expression();
            expect(Kind.RPAREN);
            return inner;
        }
        Operand left = operand();
        Token op = peek();
        Comparison comparison = op.kind == Kind.WORD ? Comparison.of(op.text) : null;
        if (comparison == null) {
            if (left.kind == Kind.BOOLEAN) {
                return (Boolean) left.value ? "(1=1)" : "(1=0)";
            }
            if (op.kind == Kind.END || op.kind == Kind.RPAREN || peekKeyword("and") || peekKeyword("or")) {
                throw DabErrors.badRequest("The $filter expression must evaluate to a single boolean value.");
            }
            throw syntaxError(op);
        }
        pos++;
        Operand right = operand();
        return compare(left, comparison, right);
    }

    private Operand operand() {
        Token token = next();
        switch (token.kind) {
            case STRING, NUMBER, DATETIME -> {
                return new Operand(token.kind, token.value, null);
            }
            case WORD -> {
                switch (token.text) {
                    case "true", "false" -> {
                        return new Operand(Kind.BOOLEAN, Boolean.valueOf(token.text), null);
                    }
                    case "null" -> {
                        return new Operand(Kind.NULL, null, null);
                    }
                    default -> {
                        if (peek().kind == Kind.LPAREN) {
                            throw DabErrors.badRequest("An unknown function with name '" + token.text + "' was found."
                                    + " This may also be a function import or a key lookup on a navigation property,"
                                    + " which is not allowed.");
                        }
                        Column column = entity.column(token.text).orElseThrow(() -> DabErrors.badRequest(
                                "Could not find a property named '" + token.text + "' on type '"
                                        + entity.edmTypeName() + "'."));
                        return new Operand(Kind.WORD, null, column);
                    }
                }
            }
            default -> throw syntaxError(token);
        }
    }

    // --- SQL generation ---

    private String compare(Operand left, Comparison op, Operand right) {
        if (left.kind == Kind.NULL && right.kind == Kind.NULL) {
            return op == Comparison.EQ ? "(1=1)" : op == Comparison.NE ? "(1=0)" : "(1=0)";
        }
        if (left.kind == Kind.NULL) {
            return compare(right, op.flipped(), left);
        }
        checkTypes(left, op, right);
        if (right.kind == Kind.NULL) {
            // SQL's "= NULL" is never true; OData means IS NULL. An ordering against null matches nothing.
            return switch (op) {
                case EQ -> "(" + sqlOf(left) + " IS NULL)";
                case NE -> "(" + sqlOf(left) + " IS NOT NULL)";
                default -> "(1=0)";
            };
        }
        return "(" + sqlOf(left) + " " + op.sql + " " + sqlOf(right) + ")";
    }

    private String sqlOf(Operand operand) {
        if (operand.column != null) {
            return operand.column.quoted();
        }
        params.add(operand.value);
        return "?";
    }

    private void checkTypes(Operand left, Comparison op, Operand right) {
        String l = edmType(left);
        String r = edmType(right);
        if (l == null || r == null || l.equals(r)) {
            return;
        }
        boolean bothNumeric = isNumeric(l) && isNumeric(r);
        if (!bothNumeric) {
            throw DabErrors.badRequest("A binary operator with incompatible types was detected. Found operand types '"
                    + l + "' and '" + r + "' for operator kind '" + op.odataName + "'.");
        }
    }

    private static boolean isNumeric(String edmType) {
        return edmType.equals("Edm.Int32") || edmType.equals("Edm.Int64") || edmType.equals("Edm.Decimal");
    }

    private static String edmType(Operand operand) {
        if (operand.column != null) {
            return switch (operand.column.type()) {
                case INT -> "Edm.Int32";
                case DECIMAL -> "Edm.Decimal";
                case STRING -> "Edm.String";
                case DATETIME -> "Edm.DateTimeOffset";
            };
        }
        return switch (operand.kind) {
            case STRING -> "Edm.String";
            case NUMBER -> operand.value instanceof BigDecimal ? "Edm.Decimal"
                    : operand.value instanceof Long ? "Edm.Int64" : "Edm.Int32";
            case DATETIME -> "Edm.DateTimeOffset";
            case BOOLEAN -> "Edm.Boolean";
            default -> null;
        };
    }

    // --- tokens ---

    private enum Kind { LPAREN, RPAREN, WORD, STRING, NUMBER, DATETIME, BOOLEAN, NULL, END }

    private record Token(Kind kind, String text, Object value, int at) {
    }

    private record Operand(Kind kind, Object value, Column column) {
    }

    private enum Comparison {
        EQ("eq", "=", "Equal"), NE("ne", "<>", "NotEqual"), GT("gt", ">", "GreaterThan"),
        GE("ge", ">=", "GreaterThanOrEqual"), LT("lt", "<", "LessThan"), LE("le", "<=", "LessThanOrEqual");

        final String keyword;
        final String sql;
        final String odataName;

        Comparison(String keyword, String sql, String odataName) {
            this.keyword = keyword;
            this.sql = sql;
            this.odataName = odataName;
        }

        static Comparison of(String word) {
            for (Comparison c : values()) {
                if (c.keyword.equals(word)) {
                    return c;
                }
            }
            return null;
        }

        Comparison flipped() {
            return switch (this) {
                case GT -> LT;
                case GE -> LE;
                case LT -> GT;
                case LE -> GE;
                default -> this;
            };
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token token = tokens.get(pos);
        if (token.kind != Kind.END) {
            pos++;
        }
        return token;
    }

    private boolean peekKeyword(String keyword) {
        Token token = peek();
        return token.kind == Kind.WORD && token.text.equals(keyword);
    }

    private void expect(Kind kind) {
        Token token = next();
        if (token.kind != kind) {
            throw syntaxError(token);
        }
    }

    private DabEmulatorException syntaxError(Token token) {
        return DabErrors.badRequest("Syntax error at position " + token.at + " in '" + text + "'.");
    }

    private List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", null, i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", null, i++));
            } else if (c == '\'') {
                int start = i++;
                StringBuilder value = new StringBuilder();
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i++);
                    if (d == '\'') {
                        if (i < s.length() && s.charAt(i) == '\'') {
                            value.append('\'');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(d);
                    }
                }
                if (!closed) {
                    throw DabErrors.badRequest("There is an unterminated string literal at position " + s.length()
                            + " in '" + s + "'.");
                }
                out.add(new Token(Kind.STRING, s.substring(start, i), value.toString(), start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                Matcher date = DATETIME.matcher(s).region(i, s.length());
                Matcher number = NUMBER.matcher(s).region(i, s.length());
                if (c != '-' && date.lookingAt() && date.end() > i + 4 && s.charAt(i + 4) == '-') {
                    i = date.end();
                    String literal = s.substring(start, i);
                    try {
                        out.add(new Token(Kind.DATETIME, literal, Column.parseDateTime(literal), start));
                    } catch (DateTimeParseException e) {
                        throw DabErrors.badRequest("Unrecognized 'Edm.DateTimeOffset' literal '" + literal
                                + "' at '" + start + "' in '" + s + "'.");
                    }
                } else if (number.lookingAt()) {
                    i = number.end();
                    String literal = s.substring(start, i);
                    out.add(new Token(Kind.NUMBER, literal, numberValue(literal, start), start));
                } else {
                    throw syntaxErrorAt(start);
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), null, start));
            } else {
                throw syntaxErrorAt(i);
            }
        }
        out.add(new Token(Kind.END, "", null, s.length()));
        return out;
    }

    private Object numberValue(String literal, int at) {
        if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
            try {
                long value = Long.parseLong(literal);
                return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : value;
            } catch (NumberFormatException tooBig) {
                throw syntaxErrorAt(at);
            }
        }
        return new BigDecimal(literal);
    }

    private DabEmulatorException syntaxErrorAt(int at) {
        return DabErrors.badRequest("Syntax error at position " + at + " in '" + text + "'.");
    }
}
