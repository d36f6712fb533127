using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Signalering.Functions.Hosting;

public enum TriggerKind { Http, Queue, Timer }

/// <summary>One <c>[Function]</c> method, read from its own attributes: the name, the trigger and what the trigger says.</summary>
public sealed record FunctionDefinition(
    string Name,
    TriggerKind Trigger,
    MethodInfo Method,
    string? Route,
    IReadOnlyList<string> Methods,
    string? QueueName,
    string? Schedule);

/// <summary>
/// The app's functions as the worker SDK sees them: every public method with <c>[Function]</c>, its trigger taken from
/// the <c>[HttpTrigger]</c>, <c>[QueueTrigger]</c> or <c>[TimerTrigger]</c> on a parameter. The SDK generates
/// functions.metadata from the same attributes, so the local composition (<see cref="LocalComposition"/>) and the
/// Functions host serve the same list. A test compares the two.
/// </summary>
public static class FunctionCatalog
{
    private static readonly Type[] AllowedParameters = [typeof(HttpRequest), typeof(string), typeof(TimerInfo), typeof(CancellationToken)];

    public static IReadOnlyList<FunctionDefinition> Functions { get; } = Discover(typeof(FunctionCatalog).Assembly);

    public static FunctionDefinition Find(string name) =>
        Functions.SingleOrDefault(f => f.Name == name) ?? throw new ArgumentException($"No function named {name}.", nameof(name));

    internal static IReadOnlyList<FunctionDefinition> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => Describe(x.Function!.Name, x.Method))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    private static FunctionDefinition Describe(string name, MethodInfo method)
    {
        // The local composition calls functions with these parameters only; anything else would bind under the host and not here.
        if (method.GetParameters().FirstOrDefault(p => !AllowedParameters.Contains(p.ParameterType)) is { } odd)
            throw new InvalidOperationException($"Function {name}: parameter {odd.Name} of type {odd.ParameterType.Name} is not supported by the local composition.");
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
                return new(name, TriggerKind.Http, method, http.Route ?? name, (http.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList(), null, null);
            if (p.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
                return new(name, TriggerKind.Queue, method, null, [], queue.QueueName, null);
            if (p.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
                return new(name, TriggerKind.Timer, method, null, [], null, timer.Schedule);
        }
        throw new InvalidOperationException($"Function {name} has no HTTP, queue or timer trigger.");
    }

    /// <summary>
    /// Calls the function as the worker does: a new instance of its class with constructor dependencies from
    /// <paramref name="services"/>, the trigger's value and the cancellation token; awaits it and gives back its result.
    /// Exceptions come out unwrapped, as the function threw them.
    /// </summary>
    public static async Task<object?> InvokeAsync(this FunctionDefinition function, IServiceProvider services, object trigger, CancellationToken ct)
    {
        var instance = ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
        var args = function.Method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? ct : trigger).ToArray();
        var result = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
        if (result is not Task task) return result;
        await task;
        return function.Method.ReturnType.IsGenericType ? function.Method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }
}
