"""The error hierarchy: every failure a user can cause is a ReadoutDiffError."""


class ReadoutDiffError(Exception):
    """Base class of every error readout-diff raises on purpose."""


class InvalidInput(ReadoutDiffError):
    """The input cannot be compared (empty readout, bad side labels, undecodable bytes...)."""


class FetchFailed(InvalidInput):
    """A readout's URL could not be fetched or held no main text (unreachable, timed out,
    not HTML or text, too large, too many redirects, no main text)."""


class FetchRefused(FetchFailed):
    """A URL the settings do not let the service reach: fetching off, a host not named, or a
    loopback, private or link-local address that was not named."""


class NotFound(ReadoutDiffError):
    """A stored comparison or batch does not exist."""


class Conflict(ReadoutDiffError):
    """The request clashes with stored state."""


class Unauthorized(ReadoutDiffError):
    """A write without the API token the server was started with."""


class DamagedDatabase(ReadoutDiffError):
    """The database file cannot be read: a crash of the disk or a bad copy."""


class StorageFull(ReadoutDiffError):
    """A write failed for lack of disk space; nothing stored before it is lost."""


class UsageError(ReadoutDiffError):
    """Bad command-line input: reported as one line, exit code 2."""


class ExportError(ReadoutDiffError):
    """The ONNX export or its quantisation failed."""


class ItemTaken(ReadoutDiffError):
    """A batch item is no longer this worker's to mark: done already, or the batch changed hands."""


class LeaseLost(ReadoutDiffError):
    """Another instance holds the batch now; this worker drops it without touching it."""


class BadRequest(ReadoutDiffError):
    """A request the server will not read: JSON nested too deep, a body sent too slowly."""


class CrossSite(ReadoutDiffError):
    """A write sent by a page of another site (a cross-site request forgery), or to another host."""


class UnsupportedMedia(ReadoutDiffError):
    """A body in a content type the endpoint does not take (JSON endpoints take JSON only)."""


class Busy(ReadoutDiffError):
    """The batch queue is full: the request may be sent again later."""


class SlowBody(ReadoutDiffError):
    """The client took longer than the body timeout to send its request body."""
