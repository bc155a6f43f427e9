using Workshops.Core.Data;
using Workshops.Core.Domain.Common;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// What every write service (desk) answers: done, with the saved thing's id; or refused, with the field and message
/// to show. Desks catch the domain's refusals and return them as this, so pages never catch anything.
/// </summary>
public record EditResult(Guid? Id = null, string? Field = null, string? Error = null, bool Stale = false, bool TooLarge = false)
{
    public bool Succeeded => Error is null;

    /// <summary>Every problem a refusal found (the first is <see cref="Field"/> and <see cref="Error"/>), to show them all at once.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Puts each problem beside its field, through <paramref name="key"/> (the form's name for a domain field).</summary>
    public void ShowIn(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, Func<string?, string> key)
    {
        if (Succeeded) return;
        foreach (var p in Problems.Count > 0 ? Problems : [new Problem(Field, Error!)]) state.AddModelError(key(p.Field), p.Message);
    }

    /// <summary>The status a refused form is shown again with: someone else saved first, the file is too big, or the input is wrong.</summary>
    public int RefusedStatus => Stale ? StatusCodes.Status409Conflict : TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;

    public static EditResult Ok(Guid? id = null) => new(id);

    public static EditResult Fail(string? field, string error) => new(null, field, error);

    public static EditResult Refused(DomainException e) => Fail(e.Field, e.Message) with { Problems = e.Problems };

    /// <summary>Someone else saved the same thing since the form was drawn: nothing was saved.</summary>
    public static EditResult Conflict(string what) => new(null, null, Versions.Conflict(what), Stale: true);
}

/// <summary>The same answer, carrying what the page shows next (the saved material, the published version, the counts of a release).</summary>
public sealed record EditResult<T>(T? Value, Guid? Id = null, string? Field = null, string? Error = null, bool Stale = false, bool TooLarge = false)
    : EditResult(Id, Field, Error, Stale, TooLarge)
{
    public static EditResult<T> Ok(T value, Guid? id = null) => new(value, id);

    public static new EditResult<T> Fail(string? field, string error) => new(default, null, field, error);

    public static new EditResult<T> Refused(DomainException e) => Fail(e.Field, e.Message) with { Problems = e.Problems };

    public static new EditResult<T> Conflict(string what) => new(default, null, null, Versions.Conflict(what), Stale: true);

    /// <summary>A refusal from a step that carried no value, passed on.</summary>
    public static EditResult<T> From(EditResult refusal) =>
        new(default, refusal.Id, refusal.Field, refusal.Error, refusal.Stale, refusal.TooLarge) { Problems = refusal.Problems };
}
