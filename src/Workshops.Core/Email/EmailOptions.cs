using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Email;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server; when empty, every message is written as an .eml file under the data folder's mail/.</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Required(ErrorMessage = "Email:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Email:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "workshops@localhost.localdomain";

    [Required(ErrorMessage = "Email:FromName is required.")]
    public string FromName { get; set; } = "Workshops";

    /// <summary>How many messages one job run sends through one SMTP connection.</summary>
    [Range(1, 1000, ErrorMessage = "Email:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a message that keeps failing transiently is marked failed.</summary>
    [Range(1, 50, ErrorMessage = "Email:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 8;
}
