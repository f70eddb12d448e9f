using MailKit.Net.Smtp;
using MimeKit;

namespace Feedback.Web.Infrastructure.Email;

/// <summary>Sends the messages of one dispatcher batch; disposed at the end of the batch.</summary>
public interface IMailSender : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// One SMTP connection for the whole batch, opened on the first message. If the server cannot be reached,
/// the rest of the batch fails at once with the same error instead of waiting for a timeout per message.
/// </summary>
public sealed class SmtpMailSender(EmailOptions options) : IMailSender
{
    private readonly SmtpClient _client = new() { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
    private Exception? _unreachable;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (_unreachable is not null)
            throw new InvalidOperationException($"The SMTP server could not be reached: {_unreachable.Message}", _unreachable);
        if (!_client.IsConnected)
        {
            try
            {
                await _client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.SocketOptions, cancellationToken);
                if (!string.IsNullOrEmpty(options.UserName))
                    await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _unreachable = ex;
                throw;
            }
        }
        await _client.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            // The messages are sent; a server that hangs up rudely on QUIT changes nothing.
        }
        _client.Dispose();
    }
}

/// <summary>
/// Without an SMTP server (development, demos): each message becomes an .eml file in the pickup folder,
/// named after the message so a resend replaces the file instead of adding a second one.
/// </summary>
public sealed class PickupFolderSender(string folder) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0] + ".eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        // Written aside, then moved: whatever watches the folder never reads half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
