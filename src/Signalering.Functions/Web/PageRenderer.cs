using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Signalering.Functions.Web;

/// <summary>
/// Renders a page (a Razor component) to HTML on the server and answers with it: static server rendering only, no
/// Blazor circuit and no client framework, so a page is one self-contained response that works without JavaScript
/// (ADR 0003). Razor encodes every value it writes; a page never builds HTML from strings.
/// </summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>The page <typeparamref name="TPage"/> with these parameters, as a <c>text/html</c> result with <paramref name="status"/>.</summary>
    public async Task<IResult> PageAsync<TPage>(object parameters, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        var html = await RenderAsync<TPage>(parameters);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The HTML of <typeparamref name="TPage"/>; <paramref name="parameters"/> is an object whose properties are the component's parameters.</summary>
    public async Task<string> RenderAsync<TPage>(object parameters) where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(ToDictionary(parameters)));
            return output.ToHtmlString();
        });
    }

    private static Dictionary<string, object?> ToDictionary(object parameters) =>
        parameters as Dictionary<string, object?>
        ?? parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters));
}
