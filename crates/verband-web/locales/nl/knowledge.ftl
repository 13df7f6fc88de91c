## Knowledge lab (kennislab)

knowledge-kind-article = Artikel
knowledge-kind-tool = Werkwijze of sjabloon
knowledge-kind-reference = Naslagwerk
knowledge-kind-experience = Leerervaring
knowledge-kind-success = Succesverhaal
knowledge-kind-question = Open vraag
knowledge-visibility-network = Alleen dit netwerk
knowledge-visibility-shared = Alle netwerken van deze installatie
error-too-many = Dit zijn er te veel.
error-shared-coordinator-only = Alleen de coördinator deelt een kennisitem met alle netwerken.
