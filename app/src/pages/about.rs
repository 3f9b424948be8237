//! About this map: what it is, where the data comes from, what happens with your data.

use leptos::prelude::*;
use leptos_meta::Title;

/// The about page with the data credits.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="Over deze kaart"/>
        <article class="prose">
            <h1>"Over deze kaart"</h1>
            <p>
                "Op de Sociale Kaart vind je activiteiten, hulp en vrijwilligerswerk in je buurt. "
                "Buurthuizen, verenigingen, initiatieven en organisaties zetten hier zelf hun aanbod op."
            </p>
            <h2>"Bronnen"</h2>
            <ul>
                <li>"Postcodes, wijken en gemeenten: Bron: CBS / PDOK (CC BY 4.0)"</li>
                <li>"Plaatsnamen: GeoNames (CC BY 4.0)"</li>
                <li>"Wijken en buurten van Utrecht: Gemeente Utrecht open data"</li>
                <li>"Het aanbod in deze demo is verzonnen. Het lijkt op echt aanbod, maar bestaat niet."</li>
            </ul>
            <h2>"Jouw gegevens"</h2>
            <p>
                "Om te zoeken hoef je niets over jezelf te vertellen. Je postcode gebruiken we alleen "
                "om aanbod dichtbij te vinden. We bewaren hem niet."
            </p>
        </article>
    }
}
