## Knowledge lab

knowledge-kind-article = Article
knowledge-kind-tool = Tool or template
knowledge-kind-reference = Reference work
knowledge-kind-experience = Learning experience
knowledge-kind-success = Success story
knowledge-kind-question = Open question
knowledge-visibility-network = This network only
knowledge-visibility-shared = All networks of this installation
error-too-many = There are too many.
error-shared-coordinator-only = Only the coordinator shares a knowledge item with every network.
