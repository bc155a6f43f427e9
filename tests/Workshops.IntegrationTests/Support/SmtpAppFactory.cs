namespace Workshops.IntegrationTests.Support;

/// <summary>
/// The site sending through a real SMTP server (Debian's aiosmtpd) on loopback, over MailKit as in production;
/// <see cref="AppFactory.Mail"/> reads what that server received.
/// </summary>
public class SmtpAppFactory : AppFactory
{
    public SmtpSink Smtp { get; private set; } = null!;

    /// <summary>Above 0: the server refuses every Nth message offered once with 451, like a busy relay.</summary>
    protected virtual int FailEvery => 0;

    protected override string MailDirectory => Smtp.MessagesDirectory;
    protected override string MailPattern => "*";

    protected override async Task StartServersAsync() => Smtp = await SmtpSink.StartAsync(Path.Combine(DataDirectory, "smtp"), FailEvery);

    protected override ValueTask StopServersAsync() => Smtp.DisposeAsync();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Email:Host", "127.0.0.1"),
        new("Email:Port", Smtp.Port.ToString()),
        new("Email:Security", "None"),
        // A refused email's first retry after a second instead of half a minute, so tests wait seconds.
        new("Email:RetryAfterSeconds", "1"),
    ];
}
