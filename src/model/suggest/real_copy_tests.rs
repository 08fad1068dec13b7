//! The failure kinds seen on real news copy, one test each, every passage written for it (none
//! taken from a corpus): speakers in the sentence before, attributions cut short by an
//! abbreviation or a possessive, asides of any length, listeners and clauses that are no
//! speaker, a new sentence after a quotation, and the clause after a semicolon.

use crate::model::suggest::test_support::{pair, quotes};

#[test]
fn a_speaker_named_in_the_sentence_before_without_a_pronoun() {
    assert_eq!(
        quotes(&[
            "The ferry will stop in March, Ida Marsh said. “We cannot pay for the fuel any longer.”"
        ]),
        vec![pair("“We cannot pay for the fuel any longer.”", "Ida Marsh")]
    );
    assert_eq!(
        quotes(&[
            "His old partner, Tomas Berg, called him a born negotiator. “He could sell sand in a desert.”"
        ]),
        vec![pair("“He could sell sand in a desert.”", "Tomas Berg")]
    );
    // Nobody named before: nobody taken.
    assert_eq!(
        quotes(&["The ferry stopped in March. “Nobody could tell us why it happened.”"]),
        vec![pair("“Nobody could tell us why it happened.”", "")]
    );
}

#[test]
fn asides_of_any_length_state_abbreviations_and_party_labels() {
    assert_eq!(
        quotes(&[
            "Rosa Delgado, 64, of Dunmore, Pa., who came with her son, said the day reminded her of “every march we ever walked.”"
        ]),
        vec![pair("“every march we ever walked.”", "Rosa Delgado")]
    );
    assert_eq!(
        quotes(&["“The votes are there,” Senate Whip Carl Maddox, R-Neb., said Monday."]),
        vec![pair("“The votes are there,”", "Senate Whip Carl Maddox")]
    );
    assert_eq!(
        quotes(&[
            "Nell Price, who runs the growers’ cooperative for the valley’s farmers, said, “The frost took half the crop.”"
        ]),
        vec![pair("“The frost took half the crop.”", "Nell Price")]
    );
    assert_eq!(
        quotes(&["Democratic nominee Lara Voss, at a rally in the evening, said, “We will win this state.”"]),
        vec![pair("“We will win this state.”", "Democratic nominee Lara Voss")]
    );
}

#[test]
fn a_listener_a_clause_of_its_own_and_a_new_sentence_are_no_attribution() {
    // "told me": the listener is not the speaker; the name opening the clause is.
    assert_eq!(
        quotes(&[
            "Omar Haddad -- the founder of the studio -- told me, “We make what people watch.”"
        ]),
        vec![pair("“We make what people watch.”", "Omar Haddad")]
    );
    // "… when he said": a clause of its own, not this quotation's attribution.
    assert_eq!(
        quotes(&["Ines Roth said the governor was “plainly wrong” when he said the dam was safe."]),
        vec![pair("“plainly wrong”", "Ines Roth")]
    );
    // A quotation ending in a full stop, then a new sentence about someone else.
    assert_eq!(
        quotes(&["Brazil accused the regulator of “reckless neglect.” Chile said it would wait."]),
        vec![pair("“reckless neglect.”", "Brazil")]
    );
}

#[test]
fn compound_adjectives_hyphenated_names_and_nouns_that_look_like_verbs() {
    assert_eq!(
        quotes(&["Pressed on the cost, the 41-year-old mother of two replied, “Nobody ever asked us what we needed.”"]),
        vec![pair(
            "“Nobody ever asked us what we needed.”",
            "41-year-old mother of two"
        )]
    );
    assert_eq!(
        quotes(&["Mayor Lee Jae-won spoke first. He condemned what he called a “grave mistake.”"]),
        vec![pair("“grave mistake.”", "Lee Jae-won")]
    );
    assert_eq!(
        quotes(&["The club’s lawyer dismissed those reports as “fantasy from start to finish.”"]),
        vec![pair("“fantasy from start to finish.”", "The club’s lawyer")]
    );
}

#[test]
fn the_subject_of_the_clause_after_a_semicolon() {
    assert_eq!(
        quotes(&[
            "Critics say the board ignored the warnings; the chairman calls the charge “a fantasy”"
        ]),
        vec![pair("“a fantasy”", "the chairman")]
    );
}

#[test]
fn participles_places_and_impersonal_pronouns_take_the_sentence_subject() {
    assert_eq!(
        quotes(&["Mara Quill walked to the podium, chanting “No more cuts!”"]),
        vec![pair("“No more cuts!”", "Mara Quill")]
    );
    assert_eq!(
        quotes(&["In March, Gov. Ada Pike of Norland praised the plan for bringing “new and lasting jobs.”"]),
        vec![pair("“new and lasting jobs.”", "Gov. Ada Pike of Norland")]
    );
    assert_eq!(
        quotes(&[
            "In May, several tenant groups wrote to the council, saying its plan was “a betrayal.”"
        ]),
        vec![pair("“a betrayal.”", "several tenant groups")]
    );
    // A paragraph opened by the mark of a quotation continued from the one before.
    assert_eq!(
        quotes(&["\"Mara Quill walked to the podium, chanting “No more cuts!”"]),
        vec![pair("“No more cuts!”", "Mara Quill")]
    );
    assert_eq!(
        quotes(&["The Harbour Trust voted against the sale and condemned what it called “a reckless gamble.”"]),
        vec![pair("“a reckless gamble.”", "The Harbour Trust")]
    );
}

#[test]
fn possessive_subjects_and_nouns_in_ly() {
    assert_eq!(
        quotes(&["“We never saw the letter,” Ruiz’s spokesman said."]),
        vec![pair("“We never saw the letter,”", "Ruiz’s spokesman")]
    );
    assert_eq!(
        quotes(&[
            "Ruiz’s family has called on the police to release the video “as a matter of trust.”"
        ]),
        vec![pair("“as a matter of trust.”", "Ruiz’s family")]
    );
}

#[test]
fn a_pronoun_whose_gender_the_votes_got_wrong_takes_the_latest_speaker() {
    // "he" right after "Ruiz’s" votes the wrong way; nobody else is a "she".
    assert_eq!(
        quotes(&[
            "Ana Ruiz questioned Tom Baines, and under Ruiz’s questioning he admitted the fault.",
            "“This is not right,” Ruiz said. “You knew for a year,” she said.",
        ]),
        vec![
            pair("“This is not right,”", "Ana Ruiz"),
            pair("“You knew for a year,”", "Ana Ruiz"),
        ]
    );
}
