using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Common;

namespace Workshops.Web.Features.Organise.Agenda;

public sealed class RoomForm
{
    [Required(ErrorMessage = "Give the room a name.")]
    [StringLength(RoomDetails.MaxName, ErrorMessage = "A room's name can be at most {1} characters.")]
    public string Name { get; set; } = "";

    [Range(1, 100_000, ErrorMessage = "A room holds between 1 and 100,000 people.")]
    public int? Capacity { get; set; }

    public Guid? TrackId { get; set; }

    public RoomDetails ToDetails() => new(Name, Capacity, TrackId);

    public static RoomForm From(Room room) => new() { Name = room.Name, Capacity = room.Capacity, TrackId = room.TrackId };
}

public sealed class ItemForm
{
    [Required(ErrorMessage = "Give the item a title.")]
    [StringLength(AgendaItemDetails.MaxTitle, ErrorMessage = "A title can be at most {1} characters.")]
    public string Title { get; set; } = "";

    public AgendaItemType Type { get; set; } = AgendaItemType.Session;

    public Guid? TrackId { get; set; }

    [Range(AgendaItem.Grid, 24 * 60, ErrorMessage = "An item lasts between 5 minutes and a day.")]
    public int DurationMinutes { get; set; } = 30;

    [StringLength(AgendaItemDetails.MaxDescription, ErrorMessage = "The description can be at most {1:N0} characters.")]
    public string? Description { get; set; }

    [StringLength(AgendaItemDetails.MaxChair, ErrorMessage = "The chair's name can be at most {1} characters.")]
    public string? Chair { get; set; }

    /// <summary>One speaker per line: a name, or "Name &lt;address&gt;" to link the speaker's account.</summary>
    [StringLength(6000)]
    public string? Speakers { get; set; }

    public static async Task<ItemForm> FromAsync(AgendaItem item, AppDbContext db, CancellationToken ct)
    {
        var ids = item.Speakers.Where(s => s.UserId is not null).Select(s => s.UserId!).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return new ItemForm
        {
            Title = item.Title,
            Type = item.Type,
            TrackId = item.TrackId,
            DurationMinutes = item.DurationMinutes,
            Description = item.Description,
            Chair = item.Chair,
            Speakers = string.Join("\n", item.Speakers.OrderBy(s => s.Position).Select(s =>
                s.UserId is { } id && emails.GetValueOrDefault(id) is { } email ? $"{s.Name} <{email}>" : s.Name)),
        };
    }

    /// <summary>The item's details with each speaker's account looked up by address; an address nobody has is refused, not dropped.</summary>
    public async Task<AgendaItemDetails> ToDetailsAsync(AppDbContext db, CancellationToken ct)
    {
        var lines = (Speakers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var speakers = new List<AgendaSpeakerDetails>();
        foreach (var line in lines)
        {
            var (name, address) = Split(line);
            if (address is null)
            {
                speakers.Add(new(name));
                continue;
            }
            var normalized = address.ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(Tr.T("No account has the address {0}. Write the speaker's name alone, or the address of their account.", address), nameof(Speakers));
            speakers.Add(new(string.IsNullOrWhiteSpace(name) ? user.DisplayName : name, user.Id));
        }
        return new AgendaItemDetails(Title, Type, TrackId, DurationMinutes, Description, Chair, speakers);
    }

    private static (string Name, string? Address) Split(string line)
    {
        var open = line.LastIndexOf('<');
        if (open >= 0 && line.EndsWith('>'))
            return (line[..open].Trim(), line[(open + 1)..^1].Trim());
        return MailAddress.TryCreate(line, out var bare) && !line.Contains(' ') ? ("", bare.Address) : (line, null);
    }
}

public sealed class PlaceForm
{
    public Guid? RoomId { get; set; }
    public DateOnly? Day { get; set; }
    public TimeOnly? Start { get; set; }

    [Range(AgendaItem.Grid, 24 * 60, ErrorMessage = "An item lasts between 5 minutes and a day.")]
    public int DurationMinutes { get; set; }

    /// <summary>The item's last change as the organiser saw it, so a stale form does not overwrite a newer move.</summary>
    public long? Stamp { get; set; }

    public Placement ToPlacement() => new(RoomId, Day, Start, DurationMinutes, Stamp);

    public static PlaceForm From(AgendaItem item, TimeZoneInfo zone, DateOnly? defaultDay)
    {
        var local = item.StartsAt is { } s ? TimeZoneInfo.ConvertTime(s, zone) : (DateTimeOffset?)null;
        return new PlaceForm
        {
            RoomId = item.RoomId,
            Day = local is { } l ? DateOnly.FromDateTime(l.DateTime) : defaultDay,
            Start = local is { } t ? TimeOnly.FromDateTime(t.DateTime) : new TimeOnly(9, 0),
            DurationMinutes = item.DurationMinutes,
            Stamp = item.UpdatedAt.UtcTicks,
        };
    }
}
