namespace DriverCompiler.Scripts;

/// <summary>
/// An operand expression: numbers, symbols (labels, ABSOLUTE/RELATIVE, EXTERNAL) and C-like operators.
/// Evaluated by the assembler after all labels are placed, so forward references work anywhere.
/// Values are 64-bit during evaluation and range-checked against the field they land in.
/// </summary>
public abstract class ScriptExpression
{
    /// <summary>Where the expression starts, if known.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>A numeric constant.</summary>
    public static implicit operator ScriptExpression(long value) => new NumberExpression(value);

    /// <summary>A numeric constant.</summary>
    public static implicit operator ScriptExpression(int value) => new NumberExpression(value);

    /// <summary>A reference to the symbol <paramref name="name"/>.</summary>
    public static ScriptExpression Symbol(string name) => new SymbolExpression(name);

    /// <summary><c>a + b</c>.</summary>
    public static ScriptExpression operator +(ScriptExpression a, ScriptExpression b) => new BinaryExpression(BinaryOperator.Add, a, b);

    /// <summary><c>a - b</c>.</summary>
    public static ScriptExpression operator -(ScriptExpression a, ScriptExpression b) => new BinaryExpression(BinaryOperator.Subtract, a, b);

    /// <summary>Visits every symbol name referenced, in source (left-to-right) order.</summary>
    public abstract IEnumerable<SymbolExpression> Symbols();
}

/// <summary>A numeric literal.</summary>
/// <param name="value">The value.</param>
public sealed class NumberExpression(long value) : ScriptExpression
{
    /// <summary>The value.</summary>
    public long Value { get; } = value;

    /// <inheritdoc/>
    public override IEnumerable<SymbolExpression> Symbols() => [];

    /// <inheritdoc/>
    public override string ToString() => Value < 0 ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0x" + Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A symbol reference (case-sensitive, as in ncr53cxxx).</summary>
/// <param name="name">Symbol name.</param>
public sealed class SymbolExpression(string name) : ScriptExpression
{
    /// <summary>Symbol name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public override IEnumerable<SymbolExpression> Symbols() => [this];

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Unary operators.</summary>
public enum UnaryOperator
{
    /// <summary>Two's complement negation <c>-x</c>.</summary>
    Negate,
    /// <summary>Bitwise complement <c>~x</c>.</summary>
    Complement,
}

/// <summary>A unary operation.</summary>
/// <param name="op">Operator.</param>
/// <param name="operand">Operand.</param>
public sealed class UnaryExpression(UnaryOperator op, ScriptExpression operand) : ScriptExpression
{
    /// <summary>Operator.</summary>
    public UnaryOperator Operator { get; } = op;
    /// <summary>Operand.</summary>
    public ScriptExpression Operand { get; } = operand;

    /// <inheritdoc/>
    public override IEnumerable<SymbolExpression> Symbols() => Operand.Symbols();

    /// <inheritdoc/>
    public override string ToString() => (Operator == UnaryOperator.Negate ? "-" : "~") + Operand;
}

/// <summary>Binary operators, in the text syntax <c>* / % + - &lt;&lt; &gt;&gt; &amp; ^ |</c> (C precedence).</summary>
public enum BinaryOperator
{
    /// <summary><c>*</c></summary>
    Multiply,
    /// <summary><c>/</c> (truncating; division by zero is error SCR0014)</summary>
    Divide,
    /// <summary><c>%</c></summary>
    Remainder,
    /// <summary><c>+</c></summary>
    Add,
    /// <summary><c>-</c></summary>
    Subtract,
    /// <summary><c>&lt;&lt;</c></summary>
    ShiftLeft,
    /// <summary><c>&gt;&gt;</c> (logical, on the 32-bit value)</summary>
    ShiftRight,
    /// <summary><c>&amp;</c></summary>
    And,
    /// <summary><c>^</c></summary>
    Xor,
    /// <summary><c>|</c></summary>
    Or,
}

/// <summary>A binary operation.</summary>
/// <param name="op">Operator.</param>
/// <param name="left">Left operand.</param>
/// <param name="right">Right operand.</param>
public sealed class BinaryExpression(BinaryOperator op, ScriptExpression left, ScriptExpression right) : ScriptExpression
{
    /// <summary>Operator.</summary>
    public BinaryOperator Operator { get; } = op;
    /// <summary>Left operand.</summary>
    public ScriptExpression Left { get; } = left;
    /// <summary>Right operand.</summary>
    public ScriptExpression Right { get; } = right;

    /// <inheritdoc/>
    public override IEnumerable<SymbolExpression> Symbols() => Left.Symbols().Concat(Right.Symbols());

    /// <inheritdoc/>
    public override string ToString() => $"({Left} {Operator} {Right})";
}
