using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Signalering.Functions.Features.Reports;

/// <summary>
/// An SVG <c>&lt;text&gt;</c> element in a chart. Razor reserves the <c>&lt;text&gt;</c> tag for itself, so this small
/// component writes it; its content is encoded like any other.
/// </summary>
public sealed class ChartText : ComponentBase
{
    [Parameter] public double X { get; set; }
    [Parameter] public double Y { get; set; }
    [Parameter] public int Size { get; set; } = 12;
    /// <summary>start, middle or end.</summary>
    [Parameter] public string? Anchor { get; set; }
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", ChartGeometry.F(X));
        builder.AddAttribute(2, "y", ChartGeometry.F(Y));
        builder.AddAttribute(3, "text-anchor", Anchor);
        builder.AddAttribute(4, "font-size", Size);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
