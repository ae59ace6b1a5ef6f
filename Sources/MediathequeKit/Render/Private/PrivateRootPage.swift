/// `private/index.html`: what a server shows for the private folder itself, in place of a
/// listing of every patron's token should it list folders. It says nothing of what the
/// folder holds.
enum PrivateRootPage {
    static let fileName = "index.html"
    static let path = "private/" + fileName

    static let html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>Page introuvable</title>
        </head>
        <body>
        <main>
        <h1>Page introuvable</h1>
        <p>Cette adresse ne mène à aucune page.</p>
        </main>
        </body>
        </html>

        """
}
