using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Feedback.Domain.Common.Pipeline;

/// <summary>
/// First in the pipeline: logs the message type, outcome and duration. Never the message itself, which
/// may carry personal data (names, phones, descriptions).
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogDebug("{Message} handled in {ElapsedMs:F1} ms", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (DomainRuleException ex)
        {
            logger.LogInformation("{Message} refused: {Rule} after {ElapsedMs:F1} ms", typeof(TMessage).Name, ex.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
