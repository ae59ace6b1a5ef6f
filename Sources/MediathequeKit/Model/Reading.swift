/// When what a file says about the date is read: the day it is built, or any day after.
///
/// The pages are built every night for that night's date and say "à rendre demain" or
/// "À rendre bientôt" (the guide's words). The summary (``PrivateFolderLayout/summaryFiles``)
/// is a document: downloaded, printed, read days later, and kept from one night to the
/// next while nothing in it changes, under "Situation au <day>". It names days
/// ("1 est à rendre le 30/03/2025") and marks a loan late or not; a word whose truth
/// ends with the next few days ("demain", "bientôt") would mislead its reader, and would
/// make it change on days when nothing happened to the account.
public enum Reading: Sendable {
    /// A page, read on the day it states.
    case live
    /// The summary, read any day after the situation it states.
    case kept
}
